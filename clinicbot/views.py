from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect


def home(request: HttpRequest) -> HttpResponse:
    return redirect("simulator" if settings.SIMULATOR_ENABLED else "admin:index")


def ping(request: HttpRequest) -> HttpResponse:
    """Process liveness without touching the database (and the benchmarks' baseline)."""
    return HttpResponse("pong", content_type="text/plain")


def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness for the load balancer and docker-compose: the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
