"""Imported to load what every analysis reads (word priors, stopwords) into the process that forks
the workers: each worker then starts with them instead of reading them again on its first theme."""

from .tokenizer import stopwords
from .word_priors import word_weights

stopwords()
word_weights(["公园"])
