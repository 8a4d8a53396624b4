"""E-mail: the digest as one message per recipient (HTML and plain text), sent with Amazon SES."""
