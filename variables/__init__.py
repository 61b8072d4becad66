"""The formulas of the model, one module per part of the cahier des charges."""
