using System.Text.Json.Serialization;

namespace RealTimeAuth.Server.AuthZen;

/// <summary>A batch's decisions in request order: <c>{"evaluations":[{"decision":true},…]}</c>.</summary>
public sealed record EvaluationsResponse([property: JsonPropertyName("evaluations")] IReadOnlyList<EvaluationResponse> Evaluations);
