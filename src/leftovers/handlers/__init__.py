"""AWS Lambda entry points: a few lines each that wire the adapters (see ``_wiring``) to the service layer."""
