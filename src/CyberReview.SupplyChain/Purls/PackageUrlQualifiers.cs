using System.Collections;
using System.Collections.Frozen;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace CyberReview.SupplyChain.Purls;

/// <summary>
/// The qualifiers of a <see cref="PackageUrl"/>: an immutable map from key to decoded value.
/// </summary>
/// <remarks>
/// Invariants: keys are unique, start with a lowercase ASCII letter and contain only lowercase ASCII
/// letters, digits, '.', '-' and '_'; no value is empty (ECMA-427: a pair with an empty value is the
/// same as no pair); enumeration is in ordinal key order, the order of the canonical form.
/// Values are kept as decoded text; a <c>checksum</c> list stays one comma-separated value.
/// </remarks>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "Named after the purl component it models.")]
public sealed class PackageUrlQualifiers : IReadOnlyDictionary<string, string>, IEquatable<PackageUrlQualifiers>
{
    // Interning the keys that nearly every purl uses saves one string per qualifier on the parse path.
    private static readonly FrozenSet<string> CommonKeys = FrozenSet.Create(
        StringComparer.Ordinal,
        "arch", "build", "channel", "checksum", "classifier", "distro", "download_url", "epoch", "extension",
        "file_name", "os", "platform", "repository_url", "subdir", "tag", "tag_id", "type", "user", "uuid", "vcs_url");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CommonKeysBySpan =
        CommonKeys.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly string[] _keys;
    private readonly string[] _values;

    private PackageUrlQualifiers(string[] keys, string[] values)
    {
        _keys = keys;
        _values = values;
    }

    /// <summary>No qualifiers.</summary>
    public static PackageUrlQualifiers Empty { get; } = new([], []);

    /// <summary>The number of qualifiers.</summary>
    public int Count => _keys.Length;

    /// <summary>The keys, in ordinal order.</summary>
    public IEnumerable<string> Keys => new ReadOnlyCollection<string>(_keys);

    /// <summary>The values, in the order of their keys.</summary>
    public IEnumerable<string> Values => new ReadOnlyCollection<string>(_values);

    /// <summary>The value of <paramref name="key"/>.</summary>
    /// <param name="key">A lowercase qualifier key; lookup is ordinal.</param>
    /// <exception cref="KeyNotFoundException">There is no such qualifier.</exception>
    public string this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"There is no qualifier '{key}'.");

    /// <summary>Whether there is a qualifier <paramref name="key"/> (ordinal comparison).</summary>
    /// <param name="key">A lowercase qualifier key.</param>
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <summary>Gets the value of <paramref name="key"/> (ordinal comparison).</summary>
    /// <param name="key">A lowercase qualifier key.</param>
    /// <param name="value">The value, never empty, when found.</param>
    /// <returns>Whether the qualifier is present.</returns>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        int index = IndexOf(key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    /// <summary>Enumerates the qualifiers in ordinal key order without allocating.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<string, string>> IEnumerable<KeyValuePair<string, string>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Whether both hold the same keys with the same values (ordinal).</summary>
    /// <param name="other">The qualifiers to compare with.</param>
    public bool Equals(PackageUrlQualifiers? other) =>
        other is not null
        && _keys.AsSpan().SequenceEqual(other._keys)
        && _values.AsSpan().SequenceEqual(other._values);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PackageUrlQualifiers);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        for (int i = 0; i < _keys.Length; i++)
        {
            hash.Add(_keys[i], StringComparer.Ordinal);
            hash.Add(_values[i], StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    internal string KeyAt(int index) => _keys[index];

    internal string ValueAt(int index) => _values[index];

    /// <summary>The interned key for <paramref name="key"/> if it is a common one, else a new string.</summary>
    internal static string Key(ReadOnlySpan<char> key) =>
        CommonKeysBySpan.TryGetValue(key, out var interned) ? interned : key.ToString();

    /// <summary>
    /// Sorts the first <paramref name="count"/> pairs by key and takes ownership of the arrays.
    /// Fails on a repeated key.
    /// </summary>
    internal static PackageUrlFailure? TryCreate(string[] keys, string[] values, int count, out PackageUrlQualifiers qualifiers)
    {
        qualifiers = Empty;
        if (count == 0)
        {
            return null;
        }

        // Insertion sort: a purl has a handful of qualifiers.
        for (int i = 1; i < count; i++)
        {
            var key = keys[i];
            var value = values[i];
            int j = i - 1;
            while (j >= 0 && string.CompareOrdinal(keys[j], key) > 0)
            {
                keys[j + 1] = keys[j];
                values[j + 1] = values[j];
                j--;
            }

            keys[j + 1] = key;
            values[j + 1] = value;
        }

        for (int i = 1; i < count; i++)
        {
            if (string.Equals(keys[i - 1], keys[i], StringComparison.Ordinal))
            {
                return new PackageUrlFailure(
                    PackageUrlError.DuplicateQualifierKey,
                    PackageUrlComponent.Qualifiers,
                    $"the qualifier key '{keys[i]}' appears more than once");
            }
        }

        if (count < keys.Length)
        {
            Array.Resize(ref keys, count);
            Array.Resize(ref values, count);
        }

        qualifiers = new PackageUrlQualifiers(keys, values);
        return null;
    }

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (int i = 0; i < _keys.Length; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Enumerates the qualifiers of a <see cref="PackageUrlQualifiers"/> in ordinal key order.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<string, string>>
    {
        private readonly PackageUrlQualifiers _qualifiers;
        private int _index;

        internal Enumerator(PackageUrlQualifiers qualifiers)
        {
            _qualifiers = qualifiers;
            _index = -1;
        }

        /// <summary>The current key and value.</summary>
        public readonly KeyValuePair<string, string> Current =>
            new(_qualifiers._keys[_index], _qualifiers._values[_index]);

        readonly object IEnumerator.Current => Current;

        /// <summary>Advances to the next qualifier.</summary>
        /// <returns>Whether there was one.</returns>
        public bool MoveNext() => ++_index < _qualifiers._keys.Length;

        /// <summary>Goes back to before the first qualifier.</summary>
        public void Reset() => _index = -1;

        /// <summary>Does nothing.</summary>
        public readonly void Dispose()
        {
        }
    }
}
