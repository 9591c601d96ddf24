FROM python:3.12-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
COPY pyproject.toml ./
# The voice-model group is the Whisper model the voice worker loads (docs/voice.md).
RUN pip install -q "pip>=25.1" && pip install -q --group runtime --group voice-model
COPY . .
RUN DEBUG=true python manage.py collectstatic --noinput -v0
RUN useradd --create-home clinicbot
USER clinicbot
EXPOSE 8000
CMD ["gunicorn", "clinicbot.wsgi", "-b", "0.0.0.0:8000", "-w", "3", "--threads", "4", "--access-logfile", "-"]
