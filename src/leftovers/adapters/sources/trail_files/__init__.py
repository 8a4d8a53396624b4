"""CloudTrail history: bare records, trail log files (local or on S3), and LookupEvents' event history."""
