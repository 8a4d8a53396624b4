"""Several accounts of an AWS Organization: the member stack's patterns, clients per member account, names."""
