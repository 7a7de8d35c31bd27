using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace RealTimeAuth.Policies.Files;

/// <summary>Reads a strict JSON document, turning a <see cref="JsonException"/> into a positioned diagnostic.</summary>
internal static class JsonFileReader
{
    public static PolicyFileResult<T> Read<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, typeInfo) is { } document
                ? new PolicyFileResult<T>(document, [])
                : Failed<T>("the file holds null instead of an object", 1, 1, "$");
        }
        catch (JsonException exception)
        {
            var message = exception.Message;
            var details = message.IndexOf(" Path:", StringComparison.Ordinal);
            return Failed<T>(
                details > 0 ? message[..details] : message,
                (int)(exception.LineNumber ?? 0) + 1,
                (int)(exception.BytePositionInLine ?? 0) + 1,
                exception.Path);
        }
    }

    private static PolicyFileResult<T> Failed<T>(string message, int line, int column, string? path)
        where T : class =>
        new(null, [new PolicyDiagnostic { Code = PolicyDiagnosticCodes.InvalidJson, Message = message, Field = path, Line = line, Column = column }]);
}
