//! Input that may be text or bytes: a key pasted as text or read from a file (DER, PEM, JSON), a detached payload.
//! JavaScript passes a string or a `Uint8Array`; JSON passes a string or an array of byte values.

use serde::de::{self, Deserialize, Deserializer, SeqAccess, Visitor};

/// Text, or the bytes of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextOrBytes {
    /// Text as typed or pasted.
    Text(String),
    /// Bytes as read from a file.
    Bytes(Vec<u8>),
}

impl TextOrBytes {
    /// The bytes: the UTF-8 of text, or the bytes themselves.
    #[must_use]
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Self::Text(t) => t.as_bytes(),
            Self::Bytes(b) => b,
        }
    }

    /// How long it is, in bytes.
    #[must_use]
    pub fn len(&self) -> usize {
        self.as_bytes().len()
    }

    /// Whether it is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.as_bytes().is_empty()
    }
}

impl From<&str> for TextOrBytes {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<&String> for TextOrBytes {
    fn from(text: &String) -> Self {
        Self::Text(text.clone())
    }
}

impl From<String> for TextOrBytes {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<&[u8]> for TextOrBytes {
    fn from(bytes: &[u8]) -> Self {
        Self::Bytes(bytes.to_vec())
    }
}

impl From<Vec<u8>> for TextOrBytes {
    fn from(bytes: Vec<u8>) -> Self {
        Self::Bytes(bytes)
    }
}

impl<'de> Deserialize<'de> for TextOrBytes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Either;
        impl<'de> Visitor<'de> for Either {
            type Value = TextOrBytes;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string or bytes (a Uint8Array)")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<TextOrBytes, E> {
                Ok(TextOrBytes::Text(v.to_owned()))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<TextOrBytes, E> {
                Ok(TextOrBytes::Text(v))
            }

            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<TextOrBytes, E> {
                Ok(TextOrBytes::Bytes(v.to_vec()))
            }

            fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<TextOrBytes, E> {
                Ok(TextOrBytes::Bytes(v))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<TextOrBytes, A::Error> {
                let mut bytes = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 20));
                while let Some(b) = seq.next_element::<u8>()? {
                    bytes.push(b);
                }
                Ok(TextOrBytes::Bytes(bytes))
            }
        }
        deserializer.deserialize_any(Either)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_or_bytes_from_json() {
        assert_eq!(serde_json::from_str::<TextOrBytes>(r#""k""#).unwrap(), TextOrBytes::Text("k".into()));
        assert_eq!(serde_json::from_str::<TextOrBytes>("[1,2,255]").unwrap(), TextOrBytes::Bytes(vec![1, 2, 255]));
        assert!(serde_json::from_str::<TextOrBytes>("[256]").is_err());
        assert!(serde_json::from_str::<TextOrBytes>("{}").is_err());
        assert_eq!(TextOrBytes::from("ab").as_bytes(), b"ab");
    }
}
