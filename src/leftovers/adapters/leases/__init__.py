"""The daily run's lease (core/run_lease.py): in memory for one process, or one item in a DynamoDB table."""
