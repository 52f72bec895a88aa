print('the script directory zipimport.py ran')
class zipimporter:
    pass
