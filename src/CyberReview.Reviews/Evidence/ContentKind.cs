namespace CyberReview.Reviews.Evidence;

/// <summary>What a file's bytes show it to be (never what its name or declared content type claims).</summary>
public enum ContentKind
{
    Pdf,
    Png,
    Jpeg,
    /// <summary>A zip archive, including Office Open XML documents (docx, xlsx).</summary>
    Zip,
    Gzip,
    /// <summary>UTF-8 text: plain text, CSV, SPDX tag-value.</summary>
    Text,
    Json,
    Xml,
}

/// <summary>Which contents each upload kind accepts.</summary>
public static class UploadKinds
{
    /// <summary>Whether a file whose bytes show <paramref name="content"/> may be uploaded as <paramref name="kind"/>.</summary>
    public static bool Accepts(UploadKind kind, ContentKind content) => kind switch
    {
        UploadKind.Evidence or UploadKind.Other => true,
        UploadKind.Report => content is ContentKind.Pdf or ContentKind.Zip or ContentKind.Text or ContentKind.Json or ContentKind.Xml,
        // CycloneDX (JSON, XML), SPDX (JSON, tag-value text), possibly packed.
        UploadKind.Sbom => content is ContentKind.Json or ContentKind.Xml or ContentKind.Text or ContentKind.Zip or ContentKind.Gzip,
    };

    /// <summary>The contents <paramref name="kind"/> accepts, for the message that refuses another.</summary>
    public static IReadOnlyList<ContentKind> AcceptedBy(UploadKind kind) => [.. Enum.GetValues<ContentKind>().Where(content => Accepts(kind, content))];
}
