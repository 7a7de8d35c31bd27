using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace RealTimeAuth.Sdk.Binding;

/// <summary>
/// The sessions alive in this process, across factories: a delegated exchange that presents a parent's RTAToken through
/// <see cref="IRtaClientFactory.ConnectAsync"/> (rather than <see cref="RtaClient.CreateChildAsync"/>, or through another
/// factory) finds the parent here and proves its key. A token whose session is not held here gets no parent proof, and
/// the server refuses the delegation: a copied token cannot delegate.
/// </summary>
internal static class LiveSessions
{
    private static readonly ConcurrentDictionary<RtaClient, bool> Clients = new(ReferenceEqualityComparer.Instance);

    public static void Add(RtaClient client) => Clients[client] = true;

    public static void Remove(RtaClient client) => Clients.TryRemove(client, out _);

    /// <summary>The live session whose current token is <paramref name="token"/>, or null.</summary>
    public static RtaClient? FindByToken(string token)
    {
        var presented = MemoryMarshal.AsBytes(token.AsSpan());
        foreach (var client in Clients.Keys)
        {
            if (CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(client.CurrentToken.AsSpan()), presented))
            {
                return client;
            }
        }

        return null;
    }
}
