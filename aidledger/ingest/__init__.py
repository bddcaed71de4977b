"""Turn sources (files, JSONL lines, feeds, archives) into :class:`~aidledger.schema.Document` objects."""
