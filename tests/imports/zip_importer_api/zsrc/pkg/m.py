"""doc of m"""
