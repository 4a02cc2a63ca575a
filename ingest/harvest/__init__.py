"""Records fetched over HTTP: single Linked Art / IIIF URLs and OAI-PMH endpoints.

``http`` is the polite, cached client (timeouts, retries, a pause between requests, ETag and
Last-Modified revalidation); ``oai`` walks an OAI-PMH ``ListRecords`` list; ``run`` reads
what they fetch through ``ingest.interop.read`` and hands whole records to the pipeline.
"""
