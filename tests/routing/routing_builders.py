"""A minimal valid catalogue, as TOML text, for the routing tests to build on."""

MINIMAL = """\
triage_office = "desk"
extra_closure_days = []

[offices.desk]
name_da = "Skranke"
name_en = "Desk"
address = "desk@kk.example"

[tasks.thing]
name_da = "Ting"
name_en = "Thing"
office = "desk"
goal = { value = 2, unit = "weeks" }
paths_forward_da = ["Prøv igen."]
paths_forward_en = ["Try again."]
appeal_da = "Klag."
appeal_en = "Appeal."
guidance_da = "Vent."
guidance_en = "Wait."
"""
