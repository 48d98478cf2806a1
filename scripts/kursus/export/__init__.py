"""Question banks for learning-management systems (``kursus export``), made through the question types'
registry (``quiz.types``)."""
