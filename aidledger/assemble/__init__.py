"""Assembly of annotated spaCy Docs into the records of :mod:`aidledger.schema`."""
