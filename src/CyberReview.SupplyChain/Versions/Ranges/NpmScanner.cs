namespace CyberReview.SupplyChain.Versions.Ranges;

/// <summary>Reads node-semver versions and partial versions from a string, strictly or loosely.</summary>
internal ref struct NpmScanner(string text, bool loose)
{
    private readonly string _text = text;
    private readonly bool _loose = loose;
    private int _index;

    public readonly bool AtEnd => _index == _text.Length;

    /// <summary>Skips "v" (strict: one), or any of "v", "=" and spaces (loose, and before partial versions in ranges).</summary>
    public void SkipPrefix(bool allowEquals)
    {
        if (!allowEquals)
        {
            if (_index < _text.Length && _text[_index] == 'v')
                _index++;
            return;
        }
        while (_index < _text.Length && _text[_index] is 'v' or '=' or ' ')
            _index++;
    }

    /// <summary>A full version: three numbers, then optional prerelease and build.</summary>
    public bool TryReadVersion(out NpmParts parts, out string? reason)
    {
        parts = default;
        long[] numbers = new long[3];
        for (int i = 0; i < 3; i++)
        {
            if (i > 0 && !Take('.'))
            {
                reason = "Invalid version: it needs three numbers.";
                return false;
            }
            if (!TryNumber(out numbers[i], out reason))
                return false;
        }
        if (!TryLabels(out var prerelease, out var build, out reason))
            return false;
        parts = new NpmParts(numbers[0], numbers[1], numbers[2], prerelease, build);
        return true;
    }

    /// <summary>A partial version as in ranges: "1", "1.2", "1.x", "*", "1.2.3-pre+build"; X numbers are null.</summary>
    public bool TryReadPartial(out NpmParts parts, out string? reason)
    {
        parts = default;
        var numbers = new long?[3];
        int count = 0;
        bool sawX = false;
        while (count < 3)
        {
            if (count > 0 && !Take('.'))
                break;
            if (_index < _text.Length && _text[_index] is 'x' or 'X' or '*')
            {
                _index++;
                sawX = true;
                numbers[count++] = null;
                continue;
            }
            if (!TryNumber(out long number, out reason))
                return false;
            if (sawX)
            {
                reason = "Invalid range: a number cannot follow an X.";
                return false;
            }
            numbers[count++] = number;
        }
        string[] prerelease = [];
        string[] build = [];
        if (count == 3)
        {
            if (!TryLabels(out prerelease, out build, out reason))
                return false;
        }
        else if (_index < _text.Length && _text[_index] == '+' && !TryBuild(out build, out reason))
        {
            return false;
        }
        parts = new NpmParts(numbers[0], numbers[1], numbers[2], prerelease, build);
        reason = null;
        return true;
    }

    private bool Take(char c)
    {
        if (_index < _text.Length && _text[_index] == c)
        {
            _index++;
            return true;
        }
        return false;
    }

    private bool TryNumber(out long number, out string? reason)
    {
        number = 0;
        int start = _index;
        while (_index < _text.Length && Numeral.IsDigit(_text[_index]))
            _index++;
        var digits = _text.AsSpan(start, _index - start);
        if (digits.IsEmpty)
        {
            reason = "Invalid version: a number is missing.";
            return false;
        }
        if (!_loose && digits.Length > 1 && digits[0] == '0')
        {
            reason = "Invalid version: a number has a leading zero.";
            return false;
        }
        var value = Numeral.Parse(digits);
        if (value > Numeral.From(NpmVersion.MaxSafeInteger))
        {
            reason = "Invalid version: a number is larger than 2^53 - 1.";
            return false;
        }
        number = long.Parse(value.ToString(), System.Globalization.CultureInfo.InvariantCulture);
        reason = null;
        return true;
    }

    private bool TryLabels(out string[] prerelease, out string[] build, out string? reason)
    {
        prerelease = [];
        build = [];
        reason = null;
        bool hyphen = Take('-');
        if (hyphen || (_loose && _index < _text.Length && (Numeral.IsLetter(_text[_index]) || _text[_index] == '-')))
        {
            if (!TryIdentifiers(numericRule: !_loose, out prerelease, out reason))
                return false;
        }
        return _index >= _text.Length || _text[_index] != '+' || TryBuild(out build, out reason);
    }

    private bool TryBuild(out string[] build, out string? reason)
    {
        _index++;
        return TryIdentifiers(numericRule: false, out build, out reason);
    }

    private bool TryIdentifiers(bool numericRule, out string[] identifiers, out string? reason)
    {
        var list = new List<string>();
        do
        {
            int start = _index;
            while (_index < _text.Length && (Numeral.IsDigit(_text[_index]) || Numeral.IsLetter(_text[_index]) || _text[_index] == '-'))
                _index++;
            var identifier = _text[start.._index];
            if (identifier.Length == 0)
            {
                identifiers = [];
                reason = "Invalid version: an empty identifier.";
                return false;
            }
            if (numericRule && identifier.Length > 1 && identifier[0] == '0' && Numeral.IsDigits(identifier))
            {
                identifiers = [];
                reason = "Invalid version: a numeric identifier has a leading zero.";
                return false;
            }
            list.Add(identifier);
        }
        while (Take('.'));
        identifiers = [.. list];
        reason = null;
        return true;
    }
}
