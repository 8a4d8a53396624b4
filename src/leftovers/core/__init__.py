"""The pure core: resource model, lifecycle rules, deadlines and the digest. No I/O, no AWS SDK."""
