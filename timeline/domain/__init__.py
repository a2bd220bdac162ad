"""Write rules: services and staff corrections."""
