"""The clinic a piece of work is for: the tenant.

Every clinic-owned row carries its clinic. An entry point that knows the clinic (a worker
handling one conversation, a reminder of one appointment) runs inside `clinic_scope`, and
then every query of a clinic-owned model through its default manager is limited to that
clinic, and every row created without a clinic gets it. Outside a scope, a deployment with
one clinic works as it always did: that clinic is the current one. With several clinics and
no scope, creating a row without naming its clinic fails loudly (ClinicNotChosen).

Wiring only, like the rest of clinicbot: the Clinic model is reached by label, so every app
(audit included) may use the manager without depending on scheduling.
"""

import functools
import inspect
import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.contrib import admin
from django.db import IntegrityError, connection, models, transaction

logger = logging.getLogger(__name__)

# The code of the clinic a deployment has before any clinic file named one.
DEFAULT_CODE = "default"
DEFAULT_NAME = "the clinic"

# One clinic's id; or several, for reading a group of clinics together (metrics).
Scope = int | tuple[int, ...] | None
_scope: ContextVar[Scope] = ContextVar("clinic_scope", default=None)


class ClinicNotChosen(LookupError):
    """Several clinics share the deployment and nothing said which one this work is for."""


def clinic_scoped_id() -> int | None:
    """The clinic of the enclosing clinic_scope, or None outside one. Raises ClinicNotChosen
    inside a scope of several clinics."""
    scoped = _scope.get()
    if isinstance(scoped, tuple):
        raise ClinicNotChosen("this work reads several clinics; it names no one clinic")
    return scoped


# The scope of a request that may work in no clinic: its queries of clinic-owned rows find nothing.
NO_CLINIC = 0


@contextmanager
def clinic_scope(clinic_id: Scope) -> Iterator[None]:
    """Run the block for one clinic: queries of clinic-owned models see only its rows and
    new rows belong to it; on PostgreSQL row-level security says the same again. Nested
    scopes replace the outer one until they end; None runs the block outside any scope (and
    so holds a clinic_scope_replace inside it to the block). A tuple of ids reads those
    clinics together and creates nothing."""
    token = _scope.set(clinic_id)
    _row_security(clinic_id)
    try:
        yield
    finally:
        _scope.reset(token)
        _row_security(_scope.get())


def clinic_scope_replace(clinic_id: int | None) -> None:
    """Change the enclosing clinic_scope's clinic until that scope ends: for a step that learns
    the clinic midway (the API, whose token is read after the middleware opened the scope)."""
    _scope.set(clinic_id)
    _row_security(clinic_id)


def _row_security(clinic_id: Scope) -> None:
    """Give PostgreSQL's row security (clinicbot/migrations/0004) the scope's clinic, in the
    session's `app.clinic_ids`: one statement when it changes, none when this connection
    holds it already, none on SQLite. Scopes nest inside and outside transactions alike:
    a rolled-back change is undone by PostgreSQL as the scope that made it ends."""
    if connection.vendor != "postgresql":
        return
    from psycopg.pq import TransactionStatus

    ids = (clinic_id,) if isinstance(clinic_id, int) else clinic_id or ()
    wanted = ",".join(map(str, ids)) or ("0" if clinic_id == () else "")
    connection.ensure_connection()
    held = getattr(connection, "_clinic_ids", None)
    if held == (id(connection.connection), wanted) or (held is None and not wanted):
        return  # held already, or a connection that never had it set
    if connection.connection.info.transaction_status == TransactionStatus.INERROR:
        # A failed transaction takes no statement; its rollback restores the value it began with.
        connection._clinic_ids = (id(connection.connection), "unknown")
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('app.clinic_ids', %s, false)", [wanted])
    connection._clinic_ids = (id(connection.connection), wanted)


def clinic_current_id() -> int:
    """The clinic this work is for: the scope's; else the deployment's only clinic, a
    placeholder created when there is none yet (it reads as no clinic until load_clinic
    fills it in).

    Raises ClinicNotChosen when several clinics exist and no scope names one."""
    scoped = clinic_scoped_id()
    if scoped is not None:
        return scoped
    clinic_model = apps.get_model("scheduling", "Clinic")
    ids = list(clinic_model.objects.order_by("id").values_list("id", flat=True)[:2])
    if len(ids) > 1:
        raise ClinicNotChosen("several clinics share this deployment; name the clinic")
    if ids:
        return ids[0]
    try:
        with transaction.atomic():
            return clinic_model.objects.create(code=DEFAULT_CODE, name=DEFAULT_NAME, placeholder=True).pk
    except IntegrityError:  # another process created it first
        return clinic_model.objects.get(code=DEFAULT_CODE).pk


# A row's clinic never changes, so each process remembers it: (model label, pk) -> clinic id.
_owners: dict[tuple[str, int], int] = {}
OWNERS_KEPT = 10_000


def clinic_id_of(model: type[models.Model], pk: int) -> int | None:
    """The clinic of one clinic-owned row, read once per process; None when there is no row."""
    key = (model._meta.label, pk)
    if key not in _owners:
        clinic_id = model._base_manager.filter(pk=pk).values_list("clinic_id", flat=True).first()
        if clinic_id is None:
            return None
        if len(_owners) >= OWNERS_KEPT:
            _owners.clear()
        _owners[key] = clinic_id
    return _owners[key]


def in_clinic_of[R](model: type[models.Model]) -> Callable[[Callable[..., R]], Callable[..., R]]:
    """Decorate a task whose first argument (after a bound task's `self`) is the pk of one of
    `model`'s rows: the body runs in that row's clinic scope, so a worker meets the same
    query limits and row security as a request. A row that is gone leaves the body to find
    nothing, unscoped, as it did before."""

    def decorate(work: Callable[..., R]) -> Callable[..., R]:
        names = list(inspect.signature(work).parameters)
        position = 1 if names[0] == "self" else 0
        name = names[position]

        @functools.wraps(work)
        def run(*args, **kwargs) -> R:
            pk = kwargs[name] if name in kwargs else args[position]
            clinic_id = clinic_id_of(model, pk)
            if clinic_id is None:
                return work(*args, **kwargs)
            with clinic_scope(clinic_id):
                return work(*args, **kwargs)

        return run

    return decorate


def each_clinic[R](work: Callable[[], R]) -> list[R]:
    """Run `work` once per clinic, each time in that clinic's scope, and return the results in
    clinic order: the loop of a periodic sweep, so each clinic's part sees only its rows. One
    clinic's failure does not keep the others' part from running; the first error is raised
    once all have run."""
    clinic_model = apps.get_model("scheduling", "Clinic")
    results: list[R] = []
    failed: Exception | None = None
    for clinic_id in clinic_model.objects.order_by("id").values_list("id", flat=True):
        try:
            with clinic_scope(clinic_id):
                results.append(work())
        except Exception as exc:
            logger.exception("%s failed for clinic %s", getattr(work, "__name__", work), clinic_id)
            failed = failed or exc
    if failed is not None:
        raise failed
    return results


def tenancy_forget() -> None:
    """Forget the remembered rows' clinics (a test database reuses ids)."""
    _owners.clear()


def all_of_clinic(clinic_id: int, *records: models.Model | None) -> bool:
    """Whether every record (None skipped) is the clinic's: the services' check that a
    booking stays inside one clinic. PostgreSQL's composite keys say it again; on SQLite
    this check is the only guard."""
    return all(record is None or record.clinic_id == clinic_id for record in records)


class ClinicQuerySet(models.QuerySet):
    """Inside clinic_scope, a query of a clinic-owned model is limited to the scope's clinic,
    whenever and wherever the queryset was first built (a serializer's or a form's queryset
    made at import is cloned, and so limited, when used). Rows created without a clinic
    belong to the current one (clinic_current_id)."""

    _scoped_to: int | None = None

    def _limit_to_scope(self) -> None:
        scoped = _scope.get()
        if scoped is None or self._scoped_to == scoped or self.query.is_sliced or self.query.combinator:
            return
        self.query.add_q(
            models.Q(clinic_id__in=scoped) if isinstance(scoped, tuple) else models.Q(clinic_id=scoped)
        )
        self._scoped_to = scoped

    def _clone(self):
        clone = super()._clone()
        clone._scoped_to = self._scoped_to
        clone._limit_to_scope()
        return clone

    def create(self, **kwargs):
        if "clinic" not in kwargs and "clinic_id" not in kwargs:
            kwargs["clinic_id"] = clinic_current_id()
        return super().create(**kwargs)

    def bulk_create(self, objs: Iterable, *args, **kwargs):
        objs = list(objs)
        missing = [obj for obj in objs if obj.clinic_id is None]
        if missing:
            clinic_id = clinic_current_id()
            for obj in missing:
                obj.clinic_id = clinic_id
        return super().bulk_create(objs, *args, **kwargs)


class ClinicManager(models.Manager.from_queryset(ClinicQuerySet)):
    """The default manager of a clinic-owned model: inside clinic_scope only that clinic's rows."""

    def get_queryset(self) -> ClinicQuerySet:
        queryset = super().get_queryset()
        queryset._limit_to_scope()
        return queryset


def clinic_owned() -> models.ForeignKey:
    """The clinic column of a clinic-owned model; no form edits it (a row never changes clinic)."""
    return models.ForeignKey("scheduling.Clinic", on_delete=models.PROTECT, related_name="+", editable=False)


class ClinicOwnedAdmin(admin.ModelAdmin):
    """The admin of a clinic-owned model: its lists and forms are the request's clinic's (the
    default manager is scoped), and a row added here, or in an inline, belongs to that clinic."""

    def save_model(self, request, obj, form, change) -> None:
        if obj.clinic_id is None:
            obj.clinic_id = clinic_current_id()
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change) -> None:
        for inline in formset.forms:
            if hasattr(inline.instance, "clinic_id") and inline.instance.clinic_id is None:
                inline.instance.clinic_id = form.instance.clinic_id
        super().save_formset(request, form, formset, change)


class AcrossClinicsAdmin(admin.ModelAdmin):
    """The admin of records that span clinics: superusers alone open it."""

    def has_module_permission(self, request) -> bool:
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser

    def has_add_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser
