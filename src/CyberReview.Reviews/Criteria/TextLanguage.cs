namespace CyberReview.Reviews.Criteria;

/// <summary>The languages every catalogue text is written in.</summary>
public enum TextLanguage
{
    English,

    /// <summary>Simplified Chinese (zh-Hans, zh-CN).</summary>
    SimplifiedChinese,
}
