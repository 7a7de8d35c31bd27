using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using NSec.Cryptography;

namespace RealTimeAuth.Protocol.Keys;

/// <summary>
/// The Ed25519 keys of one RTA deployment: at most one active signing key plus verify-only keys
/// kept through a rotation, each named by a 16-bit key id. Reads take an immutable snapshot and never
/// lock; writes are serialised and publish a new snapshot. A ring holding only public keys is a
/// verify-only replica.
/// </summary>
/// <remarks>
/// The ring owns the signing keys given to <see cref="Rotate"/>. A key that stops being active loses its
/// private half in the ring but is not disposed at that moment, because an issuer on another thread may
/// be signing with the previous snapshot; NSec frees and wipes its memory when it is collected.
/// <see cref="Dispose"/> disposes the active key.
/// </remarks>
public sealed class RtaKeyRing : IDisposable
{
    private readonly Lock _writeLock = new();
    private RtaKeyRingSnapshot _snapshot = RtaKeyRingSnapshot.Empty;
    private bool _disposed;

    /// <summary>Id of the key new tokens are signed with, or null when this ring only verifies.</summary>
    public ushort? ActiveKeyId => Current.Active?.KeyId;

    /// <summary>All keys, ordered by key id.</summary>
    public ImmutableArray<RtaKeyRingEntry> Keys => Current.Entries;

    internal RtaKeyRingSnapshot Current => Volatile.Read(ref _snapshot);

    /// <summary>Finds the public key that verifies tokens with <paramref name="keyId"/>.</summary>
    public bool TryGetVerificationKey(ushort keyId, [NotNullWhen(true)] out PublicKey? publicKey)
    {
        publicKey = Current.Find(keyId)?.PublicKey;
        return publicKey is not null;
    }

    /// <summary>
    /// Adds a verify-only key, for a replica that does not sign or to publish the next key before
    /// <see cref="Rotate"/> activates it. Adding the same public key again under the same id does nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">The id already names a different key.</exception>
    public void AddVerificationKey(ushort keyId, PublicKey publicKey)
    {
        RtaKeys.ThrowIfNotEd25519(publicKey?.Algorithm, nameof(publicKey));
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var current = _snapshot;
            var existing = current.Find(keyId);
            if (existing is not null)
            {
                ThrowIfDifferentKey(existing, publicKey!);
                return;
            }

            Publish(current.Entries.Add(new RtaKeyRingEntry(keyId, publicKey!, null)), current.Active);
        }
    }

    /// <summary>
    /// Makes <paramref name="signingKey"/> the active signing key under <paramref name="keyId"/>; the previously
    /// active key stays for verification until <see cref="Remove"/>. The ring takes ownership of the key.
    /// </summary>
    /// <exception cref="InvalidOperationException">The id already names a different key, or the active key.</exception>
    public void Rotate(ushort keyId, Key signingKey)
    {
        RtaKeys.ThrowIfNotEd25519(signingKey?.Algorithm, nameof(signingKey));
        var publicKey = signingKey!.PublicKey;
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var current = _snapshot;
            var entries = current.Entries;
            var existing = current.Find(keyId);
            if (existing is not null)
            {
                if (existing.CanSign)
                {
                    throw new InvalidOperationException($"Key id {keyId} is already the active signing key.");
                }

                // A public key published earlier with AddVerificationKey is promoted.
                ThrowIfDifferentKey(existing, publicKey);
                entries = entries.Remove(existing);
            }

            if (current.Active is { } previous)
            {
                entries = entries.Replace(previous, previous.ToVerifyOnly());
            }

            var active = new RtaKeyRingEntry(keyId, publicKey, signingKey);
            Publish(entries.Add(active), active);
        }
    }

    /// <summary>
    /// Removes a verify-only key: tokens signed with it no longer validate, cached or not.
    /// Returns false when no key has that id.
    /// </summary>
    /// <exception cref="InvalidOperationException">The id names the active signing key; rotate first.</exception>
    public bool Remove(ushort keyId)
    {
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var current = _snapshot;
            var existing = current.Find(keyId);
            if (existing is null)
            {
                return false;
            }

            if (ReferenceEquals(existing, current.Active))
            {
                throw new InvalidOperationException($"Key id {keyId} is the active signing key; rotate to a new key before removing it.");
            }

            Publish(current.Entries.Remove(existing), current.Active);
            return true;
        }
    }

    /// <summary>Disposes the active signing key and empties the ring; every token then fails with an unknown key id.</summary>
    public void Dispose()
    {
        lock (_writeLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            var active = _snapshot.Active;
            Volatile.Write(ref _snapshot, RtaKeyRingSnapshot.Empty);
            active?.SigningKey?.Dispose();
        }
    }

    private void Publish(ImmutableArray<RtaKeyRingEntry> entries, RtaKeyRingEntry? active) =>
        Volatile.Write(ref _snapshot, new RtaKeyRingSnapshot(entries, active));

    private static void ThrowIfDifferentKey(RtaKeyRingEntry existing, PublicKey publicKey)
    {
        if (!existing.PublicKey.Equals(publicKey))
        {
            throw new InvalidOperationException($"Key id {existing.KeyId} already names a different key.");
        }
    }
}
