"""Model weights kg ships: the NER fine-tuned on WiNER-fr (tools/train_ner.py), read by kg.nlp."""
