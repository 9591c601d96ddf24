import factory
from django.contrib.auth.models import Group, User

PASSWORD = "correct horse battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staff{n}")
    first_name = factory.Sequence(lambda n: f"Sam{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for name in extracted or []:
            self.groups.add(Group.objects.get_or_create(name=name)[0])
        self.save()


def receptionist(**kwargs) -> User:
    return UserFactory(roles=["Reception"], **kwargs)


def operations_lead(**kwargs) -> User:
    return UserFactory(roles=["Operations lead"], **kwargs)


def content_admin(**kwargs) -> User:
    return UserFactory(roles=["Content admin"], **kwargs)
