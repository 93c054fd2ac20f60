"""The fixed vocabularies of a reflection file.

Kept apart from the pydantic models so that the command line can offer these
choices (and complete them) without importing pydantic at start-up.
"""

from enum import StrEnum


class Stage(StrEnum):
    RECRUITER_SCREEN = "recruiter-screen"
    PHONE_SCREEN = "phone-screen"
    TECHNICAL = "technical"
    TAKE_HOME = "take-home"
    ONSITE = "onsite"
    FINAL = "final"
    OTHER = "other"


class Format(StrEnum):
    IN_PERSON = "in-person"
    VIDEO = "video"
    PHONE = "phone"
    ASYNC = "async"


class Outcome(StrEnum):
    PENDING = "pending"
    ADVANCED = "advanced"
    OFFER = "offer"
    REJECTED = "rejected"
    WITHDREW = "withdrew"
    GHOSTED = "ghosted"


class FeedbackStatus(StrEnum):
    NOT_REQUESTED = "not-requested"
    REQUESTED = "requested"
    RECEIVED = "received"
    DECLINED = "declined"


class GapKind(StrEnum):
    SKILL = "skill"
    EXPERIENCE = "experience"
    CULTURE = "culture"
    PREPARATION = "preparation"
    DELIVERY = "delivery"


class QuestionKind(StrEnum):
    BEHAVIORAL = "behavioral"
    TECHNICAL = "technical"
    CODING = "coding"
    SYSTEM_DESIGN = "system-design"
    CULTURE = "culture"
    ABOUT_ME = "about-me"
    OTHER = "other"


RATING_NAMES = ("preparation", "confidence", "performance", "fit", "mood")
