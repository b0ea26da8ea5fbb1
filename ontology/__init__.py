"""The ontology, its SHACL shapes and the JSON-LD context, installed as the package kg.ontology."""
