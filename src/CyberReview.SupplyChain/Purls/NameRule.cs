namespace CyberReview.SupplyChain.Purls;

/// <summary>
/// A type's name rule that the definitions state only in prose (<c>normalization_rules</c> and notes),
/// implemented by hand in <see cref="PackageUrlTypeDefinition.TryNormalizeName"/>.
/// </summary>
internal enum NameRule
{
    None = 0,

    /// <summary>pypi: underscore '_' is replaced with dash '-' (after lowercasing).</summary>
    Pypi,

    /// <summary>pub: every character other than [a-z0-9_] is replaced with '_' (after lowercasing).</summary>
    Pub,

    /// <summary>cpan: a distribution name never contains the module separator "::".</summary>
    Cpan,

    /// <summary>cocoapods: a pod name has no whitespace and no '+', and does not begin with '.'.</summary>
    Cocoapods,

    /// <summary>mlflow: lowercase when the repository is Databricks (case-insensitive), kept as is otherwise (Azure ML).</summary>
    Mlflow,
}
