namespace RealTimeAuth.IntegrationTests.Policies;

/// <summary>Policy files for the publication tests, as an admin would write them.</summary>
internal static class TestPolicies
{
    public const string ReadWrite = """
        { "schema": "rta.policy/v1", "name": "read-write", "rules": [
          { "id": "records-rw", "effect": "allow", "actions": ["read", "write"], "resources": [{ "type": "records" }] },
          { "id": "todos-rw", "effect": "allow", "actions": ["read", "write"], "resources": [{ "type": "todos" }] } ] }
        """;

    public const string NoWriterWrites = """
        { "schema": "rta.policy/v1", "name": "no-writer-writes", "rules": [
          { "id": "records-rw", "effect": "allow", "actions": ["read", "write"], "resources": [{ "type": "records" }] },
          { "id": "todos-rw", "effect": "allow", "actions": ["read", "write"], "resources": [{ "type": "todos" }] },
          { "id": "writer-no-record-writes", "effect": "deny", "actions": ["write"], "resources": [{ "type": "records", "ids": ["*"] }],
            "agents": { "kinds": ["data-writer"] } } ] }
        """;

    public const string TodosOnly = """
        { "schema": "rta.policy/v1", "name": "todos-only", "rules": [
          { "id": "todos-rw", "effect": "allow", "actions": ["read", "write"], "resources": [{ "type": "todos" }] } ] }
        """;

    /// <summary>An unknown attribute on line 2 of the condition: <c>rolez</c> at column 12.</summary>
    public const string InvalidCondition = """
        { "schema": "rta.policy/v1", "rules": [
          { "id": "typo-rule", "effect": "allow", "actions": ["read"], "resources": [{ "type": "records" }],
            "condition": "true &&\n   subject.rolez == 'x'" } ] }
        """;

    /// <summary>Record writes only for editors: roles come from the directory.</summary>
    public const string EditorsWrite = """
        { "schema": "rta.policy/v1", "name": "editors-write", "rules": [
          { "id": "records-read", "effect": "allow", "actions": ["read"], "resources": [{ "type": "records" }] },
          { "id": "records-write-editors", "effect": "allow", "actions": ["write"], "resources": [{ "type": "records" }],
            "subjects": { "roles": ["editor"] } } ] }
        """;

    /// <summary>Record writes only for their owner: the resource directory says who that is (ADR 0017).</summary>
    public const string OwnersWrite = """
        { "schema": "rta.policy/v1", "name": "owners-write", "rules": [
          { "id": "owners-write", "effect": "allow", "actions": ["write"], "resources": [{ "type": "records" }],
            "condition": "has(resource.properties.owner) && resource.properties.owner == subject.id" } ] }
        """;
}
