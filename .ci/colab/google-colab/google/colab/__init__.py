"""Stand-in for Colab's ``google.colab``: importing it is all the course's setup cell needs."""
