"""The pipeline's stages, in the order data flows: ingest → clean → structure → language → entities → topics → emit."""
