"""Registry: data/contacts.yml parsed and validated, the evidence policy, and dialling rules."""
