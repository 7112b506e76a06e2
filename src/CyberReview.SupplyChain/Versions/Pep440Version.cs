namespace CyberReview.SupplyChain.Versions;

/// <summary>A PyPI version read by <see cref="Pep440Ordering"/>: either PEP 440 or a legacy string (with its sort key).</summary>
internal sealed class Pep440Version : PackageVersion
{
    private readonly string? _legacyKey;
    private readonly string _lowered = "";
    private readonly Numeral _epoch;
    private readonly Numeral[] _release = [];
    private readonly PreKind _pre;
    private readonly Numeral _preNumber;
    private readonly bool _hasPost;
    private readonly Numeral _post;
    private readonly bool _hasDev;
    private readonly Numeral _dev;
    private readonly Identifier[]? _local;

    public Pep440Version(string text, string legacyKey)
        : base(text) => _legacyKey = legacyKey;

    public Pep440Version(
        string text, string lowered, Numeral epoch, Numeral[] release, PreKind pre, Numeral preNumber,
        bool hasPost, Numeral post, bool hasDev, Numeral dev, Identifier[]? local)
        : base(text)
    {
        _lowered = lowered;
        _epoch = epoch;
        _release = release;
        _pre = pre;
        _preNumber = preNumber;
        _hasPost = hasPost;
        _post = post;
        _hasDev = hasDev;
        _dev = dev;
        _local = local;
    }

    public override VersionOrdering Ordering => Pep440Ordering.Instance;

    /// <summary>"1.0.dev0" sorts before "1.0a0": a dev release of the final release comes before all its pre-releases.</summary>
    private bool DevOfFinal => _pre == PreKind.None && !_hasPost && _hasDev;

    private protected override int CompareSameOrdering(PackageVersion other)
    {
        var that = (Pep440Version)other;
        if (_legacyKey is not null || that._legacyKey is not null)
        {
            if (_legacyKey is null)
                return 1;
            if (that._legacyKey is null)
                return -1;
            return string.CompareOrdinal(_legacyKey, that._legacyKey);
        }

        int order = _epoch.CompareTo(that._epoch);
        if (order != 0)
            return order;
        int count = Math.Max(_release.Length, that._release.Length);
        for (int i = 0; i < count; i++)
        {
            var left = i < _release.Length ? _release[i] : Numeral.Zero;
            var right = i < that._release.Length ? that._release[i] : Numeral.Zero;
            order = left.CompareTo(right);
            if (order != 0)
                return order;
        }

        order = PreRank().CompareTo(that.PreRank());
        if (order != 0)
            return order;
        if (_pre != PreKind.None && that._pre != PreKind.None)
        {
            order = _preNumber.CompareTo(that._preNumber);
            if (order != 0)
                return order;
        }

        if (_hasPost != that._hasPost)
            return _hasPost ? 1 : -1;
        order = _post.CompareTo(that._post);
        if (order != 0)
            return order;

        if (_hasDev != that._hasDev)
            return _hasDev ? -1 : 1;
        order = _dev.CompareTo(that._dev);
        if (order != 0)
            return order;

        if (_local is null || that._local is null)
            return (_local is null ? 0 : 1) - (that._local is null ? 0 : 1);
        int common = Math.Min(_local.Length, that._local.Length);
        for (int i = 0; i < common; i++)
        {
            var left = _local[i];
            var right = that._local[i];
            // PEP 440: in local labels a numeric segment sorts after an alphanumeric one.
            order = left.IsNumeric && right.IsNumeric ? left.Value.CompareTo(right.Value)
                : left.IsNumeric ? 1
                : right.IsNumeric ? -1
                : _lowered.AsSpan(left.Start, left.Length).SequenceCompareTo(that._lowered.AsSpan(right.Start, right.Length));
            if (order != 0)
                return order;
        }
        return _local.Length.CompareTo(that._local.Length);
    }

    private int PreRank() => DevOfFinal ? -1 : _pre == PreKind.None ? 4 : (int)_pre;
}
