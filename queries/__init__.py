"""The stored SPARQL queries (*.rq), installed as the package kg.queries so kg finds them in any install."""
