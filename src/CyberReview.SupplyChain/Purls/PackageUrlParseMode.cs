namespace CyberReview.SupplyChain.Purls;

/// <summary>How forgiving <see cref="PackageUrl.Parse(string, PackageUrlParseMode)"/> is with input that breaks the specification.</summary>
public enum PackageUrlParseMode
{
    /// <summary>
    /// ECMA-427 as written: every "shall" rule on a component's content is enforced (qualifier keys
    /// must already be lowercase; the raw string must be printable ASCII; every <c>%</c> must start a
    /// valid UTF-8 escape). What the specification says is not significant is still normalized:
    /// the case of the scheme and type, leading slashes after <c>pkg:</c>, the case and spelling of
    /// case-insensitive names, qualifier order, empty and <c>.</c>/<c>..</c> subpath segments, and
    /// printable characters that were left unencoded.
    /// </summary>
    Strict = 0,

    /// <summary>
    /// For purls found in the wild (SBOMs, advisories): accepts everything <see cref="Strict"/> accepts,
    /// with the same result, and also repairs common faults: uppercase qualifier keys are lowercased;
    /// an unencoded <c>@</c> in a namespace that would otherwise leave the name empty (<c>pkg:npm/@babel/core</c>)
    /// is read as part of the namespace; a qualifier without <c>=</c> is ignored; a <c>%</c> that does not
    /// start an escape is kept as a literal; raw spaces and non-ASCII characters are accepted.
    /// Type rules (required namespace, permitted characters…) are enforced as in <see cref="Strict"/>.
    /// </summary>
    Lenient = 1,
}
