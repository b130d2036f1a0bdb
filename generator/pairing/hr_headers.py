"""hr_headers: the column headers common HR-system exports use, by the roster field they hold.

Data only, one owner: ``roster_columns`` recognises a header by comparing it, without regard
to case, spaces and punctuation (``"Email - Primary Work"`` is ``emailprimarywork``), against a
field's own name first and then the headers below, in order: where an export has two candidates
for one field, the earlier one wins (a manager's e-mail before their name, ``Department``
before ``Cost Center``). A ``roster.columns`` mapping in the config wins over all of these.

Where the headers come from (looked up in May 2026; exports are configurable, so these are the
delivered or most common labels, not a promise):

- Workday: worker reports label the person ``Worker`` or ``Employee``, with ``Employee ID``,
  ``Email - Primary Work`` / ``Primary Work Email``, ``Manager``, ``Supervisory Organization``,
  ``Cost Center`` and ``Location`` (Workday's worker data fields ``Worker_ID``, Primary Work
  Email, Business Site / Location, Cost Center; e.g. SailPoint's and Kombo's Workday connector
  references, the faros-ai Workday custom-report source: ``Full_Name``, ``Employee_ID``,
  ``Manager_Name``, ``Manager_ID``, ``Location``, ``Email``).
- SAP SuccessFactors: the user data file (UDF) row 1 keys ``USERID``, ``USERNAME``,
  ``FIRSTNAME``, ``LASTNAME``, ``EMAIL``, ``MANAGER`` (the manager's USERID, ``NO_MGR`` at the
  top), ``DEPARTMENT``, ``DIVISION``, ``LOCATION`` (SAP Learning, "Managing user data"); row 2
  holds labels, which the header search below skips as a second header-like row.
- BambooHR: ``Employee #``, ``First Name``, ``Last Name``, ``Display name``, ``Work Email``,
  ``Department``, ``Division``, ``Location``, ``Reporting to`` / ``Reports To`` (BambooHR's
  field list: ``reportsTo`` is named "Reporting to"; its directory: "Work Email").
- HiBob: ``Employee ID``, ``Display name``, ``First name``, ``Last name``, ``Email``,
  ``Department``, ``Site``, ``Reports to`` (HiBob's people fields, e.g. Fivetran's HiBob schema:
  ``display_name``, ``employee_id_in_company``, ``reports_to_id_in_company``, ``site``).
- Personio: ``ID`` / ``Personnel number``, ``First name``, ``Last name``, ``Email``,
  ``Department``, ``Office``, ``Cost center``, ``Supervisor`` (Personio's export attributes and
  employee API: ``office``, ``supervisor``, ``cost_centers``).
- Oracle HCM Cloud: ``Person Number``, ``Display Name`` / ``Full Name``, ``Work Email`` /
  ``Email Address``, ``Department Name``, ``Location Name``, ``Manager Name`` (Oracle's workers
  REST resource and worker extracts: PersonNumber, DisplayName, DepartmentName, LocationName).

The mentoring fields (role, skills, languages, availability, capacity) are the program's own,
so no HR system names them; a few everyday spellings are listed.
"""

from __future__ import annotations

#: Roster field -> headers that hold it, most specific first. The field's own name (``email``,
#: ``employee_id``) always matches too and is tried before these.
HR_HEADERS: dict[str, tuple[str, ...]] = {
    "name": (
        "Full Name",
        "Worker",
        "Worker Name",
        "Employee Name",
        "Employee",
        "Display Name",
        "Preferred Full Name",
        "Legal Name",
    ),
    "first_name": ("First Name", "Given Name", "Legal First Name", "Preferred First Name"),
    "last_name": ("Last Name", "Surname", "Family Name", "Legal Last Name"),
    "email": (
        "Email - Primary Work",
        "Primary Work Email",
        "Work Email",
        "Work Email Address",
        "Email - Work",
        "Business Email",
        "Email Address",
        "E-mail",
    ),
    "employee_id": (
        "Employee ID",
        "Employee Number",
        "Employee #",
        "Worker ID",
        "Person Number",
        "Personnel Number",
        "User ID",
        "ID",
    ),
    "role": (
        "Program Role",
        "Mentoring Role",
        "Participant Role",
        "Mentor or Mentee",
        "Mentor/Mentee",
    ),
    "department": (
        "Department Name",
        "Cost Center",
        "Cost Centre",
        "Supervisory Organization",
        "Division",
        "Business Unit",
    ),
    "manager": (
        "Manager Email",
        "Manager Work Email",
        "Supervisor Email",
        "Manager ID",
        "Manager Employee ID",
        "Supervisor ID",
        "Reports To",
        "Reporting To",
        "Manager Name",
        "Supervisor",
        "Supervisor Name",
        "Line Manager",
        "Direct Manager",
    ),
    "location": ("Work Location", "Location Name", "Site", "Office", "Business Site"),
    "skills": ("Skill", "Skill Set", "Skills and Interests", "Topics"),
    "languages": ("Language", "Spoken Languages", "Languages Spoken"),
    "availability": ("Available", "Preferred Times"),
    "capacity": ("Max Mentees", "Mentee Capacity"),
}
