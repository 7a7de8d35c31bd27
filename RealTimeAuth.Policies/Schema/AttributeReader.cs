namespace RealTimeAuth.Policies.Schema;

/// <summary>
/// Reads one typed value from a request. Returns false when the value is absent (an optional attribute not
/// supplied, a missing map key) or cannot be computed; <paramref name="value"/> is then meaningless (set it
/// to <c>default!</c>). Compiled conditions are trees of these. A reader must not throw.
/// </summary>
public delegate bool AttributeReader<T>(in DecisionRequest request, out T value);
