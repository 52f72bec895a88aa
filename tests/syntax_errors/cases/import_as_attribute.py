import os as os.path
