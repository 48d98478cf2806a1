"""The question bank: one YAML file per module in ``quizzes/``."""
