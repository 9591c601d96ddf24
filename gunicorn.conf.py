# Gunicorn reads this file from the working directory (the Dockerfile's and compose's /app).
# The access log names the path without its query string (%(U)s, not %(r)s) and no
# referrer: a query string may carry a phone number (the API's ?phone=), and the access
# log is written by gunicorn, outside Django's phone-masking log filter.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
