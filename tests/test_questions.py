import networkx as nx
import pytest

from kg.errors import InputError
from kg.network import collapse, money_label, resolve, subgraph
from kg.questions import central, communities, paths


def network() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for node, label, cls in [("t", "TikTok", "Company"), ("b", "ByteDance", "Company"), ("u", "États-Unis", "Country"),
                             ("p", "Mike Pompeo", "Person"), ("x", "Apple", "Company"), ("y", "Apple", "Product"),
                             ("z", "Zoom", "Company"), ("w", "Webex", "Product")]:
        g.add_node(node, label=label, **{"class": cls}, kind="entity", aliases="Etats-Unis|USA" if node == "u" else "")
    g.add_node("ban", label="Ban", **{"class": "Ban"}, kind="event", status="considered")
    g.add_edge("ban", "u", key="authority", label="authority", sentences=1, source="Les États-Unis envisagent ...")
    g.add_edge("ban", "t", key="target", label="target", sentences=1, source="Les États-Unis envisagent ...")
    g.add_edge("t", "b", key="parentOrganization", label="parentOrganization", sentences=2, source="TikTok, filiale ...")
    g.add_edge("p", "u", key="worksFor", label="worksFor", sentences=1, source="Pompeo, secrétaire ...")
    g.add_edge("z", "w", key="acquires", label="acquires", sentences=1, source="Zoom rachète Webex.")
    return g


def test_collapse_turns_events_into_labelled_edges() -> None:
    g = collapse(network())
    assert "ban" not in g
    assert g.get_edge_data("u", "t")["ban"]["label"] == "bans"


def test_central_counts_links_through_events() -> None:
    rows = central(network(), top=3)
    assert rows[0][:3] == ("États-Unis", "Country", 2) or rows[0][:3] == ("TikTok", "Company", 2)
    assert [r[0] for r in central(network(), cls="Person")] == ["Mike Pompeo"]
    assert all(r[1] in {"Company", "GovernmentBody", "InternationalOrganization", "Organization"}
               for r in central(network(), cls="Organization"))


def test_path_steps_carry_their_sentences() -> None:
    [chain] = paths(network(), "Mike Pompeo", "ByteDance")
    assert [(s.source, s.relation, s.target) for s in chain] == [
        ("Mike Pompeo", "worksFor", "États-Unis"), ("États-Unis", "bans", "TikTok"),
        ("TikTok", "parentOrganization", "ByteDance")]
    assert chain[-1].sentence == "TikTok, filiale ..."


def test_names_resolve_by_alias_and_fail_clearly() -> None:
    g = network()
    assert resolve(g, "usa") == "u"
    with pytest.raises(InputError, match="ambiguous: Apple .Company, x.; Apple .Product, y."):
        resolve(g, "Apple")
    with pytest.raises(InputError, match="did you mean TikTok"):
        resolve(g, "Tiktk")
    with pytest.raises(InputError, match="no chain"):
        paths(g, "TikTok", "Zoom")


def test_communities_and_subgraphs() -> None:
    groups = communities(network())
    assert ["Webex", "Zoom"] in groups
    assert set(subgraph(network(), around="TikTok", depth=1)) == {"t", "b", "ban"}
    assert set(subgraph(network(), cls="Person")) == {"p"}
    with pytest.raises(InputError, match="unknown class"):
        subgraph(network(), cls="Dragon")


def test_communities_name_a_repeated_label_once_with_its_count() -> None:
    g = network()
    for n in range(3):
        g.add_node(f"people-{n}", label="personnes", **{"class": "Group"}, kind="entity", aliases="", article=f"d{n}")
        g.add_edge(f"people-{n}", "z", key="inContactWith", label="inContactWith", sentences=1, source="...")
    [group] = [g for g in communities(g) if "Zoom" in g]
    assert group == ["Webex", "Zoom", "personnes ×3"]


def test_every_class_option_refuses_an_unknown_class_listing_the_known_ones() -> None:
    for ask in (lambda: central(network(), cls="Organisation"), lambda: subgraph(network(), cls="Organisation")):
        with pytest.raises(InputError, match=r"unknown class 'Organisation'; did you mean Organization\? kg knows "
                                             r"Organization, Person, Place, Product, Fund, Company, .*Statement$"):
            ask()
    assert [r[0] for r in central(network(), cls="Place")] == ["États-Unis"]


def test_money_labels() -> None:
    assert money_label({"amount": 3e8, "currency": "EUR"}) == "300 M EUR"
    assert money_label({"amount_min": 1e9, "currency": "EUR"}) == "> 1 Md EUR"
    assert money_label({"amount_min": 1e5, "amount_max": 1e6, "currency": "EUR"}) == "100 k–1 M EUR"


def test_a_named_entity_comes_before_the_things_of_single_articles_and_ids_pick_any() -> None:
    g = network()
    for node, article in (("police-a", "doc-a"), ("police-b", "doc-b")):
        g.add_node(node, label="police", **{"class": "Organization"}, kind="entity", aliases="", article=article)
    with pytest.raises(InputError, match="ambiguous"):
        resolve(g, "police")
    assert resolve(g, "police-b") == "police-b"
    g.add_node("police-n", label="Police", **{"class": "GovernmentBody"}, kind="entity", aliases="", article="")
    assert resolve(g, "police") == "police-n"
