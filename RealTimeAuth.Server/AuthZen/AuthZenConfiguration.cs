using System.Text.Json.Serialization;

namespace RealTimeAuth.Server.AuthZen;

/// <summary>PDP metadata served at <c>/.well-known/authzen-configuration</c> (AuthZEN 1.0, section 9).</summary>
public sealed record AuthZenConfiguration(
    [property: JsonPropertyName("policy_decision_point")] string PolicyDecisionPoint,
    [property: JsonPropertyName("access_evaluation_endpoint")] string AccessEvaluationEndpoint,
    [property: JsonPropertyName("access_evaluations_endpoint")] string AccessEvaluationsEndpoint,
    [property: JsonPropertyName("search_subject_endpoint")] string SearchSubjectEndpoint,
    [property: JsonPropertyName("search_resource_endpoint")] string SearchResourceEndpoint,
    [property: JsonPropertyName("search_action_endpoint")] string SearchActionEndpoint);
