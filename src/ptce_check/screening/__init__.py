"""Batch screening for reviewers: discover dossiers, assess them in parallel, rank, summarise,
simulate the envelope, flag duplicates, export."""
