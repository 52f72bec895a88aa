import os as def
