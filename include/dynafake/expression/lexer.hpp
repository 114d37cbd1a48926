// dynafake — the tokens of DynamoDB's expression language, and the syntax
// error message the service builds from them:
//   Syntax error; token: "<offending token>", near: "<previous token><the
//   offending token><next token>" (with the whitespace between them).
// The token rules are the service's grammar's (DynamoDB Local ships it:
// com.amazon.dynamodb.grammar.DynamoDbGrammarLexer): identifiers start with a
// letter, keywords are case-insensitive, "#name" and ":value" need at least one
// of [0-9A-Za-z_] after the sigil, list indexes are 0 or [1-9][0-9]*, and any
// other character is a token of its own.
#pragma once

#include <cctype>   // std::toupper
#include <cstddef>  // std::size_t
#include <string>   // std::string
#include <vector>   // std::vector

#include "dynafake/expression/expression_messages.hpp"  // Describe, msg

namespace dynafake {
namespace expression {

enum class Tok {
  Comma,
  LParen,
  RParen,
  Dot,
  LBracket,
  RBracket,
  Ws,
  Eq,
  Ne,
  Lt,
  Le,
  Gt,
  Ge,
  Plus,
  Minus,
  In,
  Between,
  Not,
  And,
  Or,
  Set,
  Add,
  Delete,
  Remove,
  Index,
  Id,
  NameSub,
  ValueSub,
  Unknown,
  Eof
};

struct Token {
  Tok kind = Tok::Eof;
  std::size_t begin = 0, end = 0;  ///< byte range in the expression
};

namespace lex {
inline bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsIdChar(char c) { return IsLetter(c) || IsDigit(c) || c == '_'; }
inline bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

inline Tok Keyword(const std::string& word) {
  std::string u;
  for (char c : word) u += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (u == "IN") return Tok::In;
  if (u == "BETWEEN") return Tok::Between;
  if (u == "NOT") return Tok::Not;
  if (u == "AND") return Tok::And;
  if (u == "OR") return Tok::Or;
  if (u == "SET") return Tok::Set;
  if (u == "ADD") return Tok::Add;
  if (u == "DELETE") return Tok::Delete;
  if (u == "REMOVE") return Tok::Remove;
  return Tok::Id;
}

// Length in bytes of the UTF-8 sequence starting with `lead` (1 for a stray byte).
inline std::size_t Utf8Length(unsigned char lead) {
  if (lead >= 0xF0 && lead <= 0xF7) return 4;
  if (lead >= 0xE0) return lead <= 0xEF ? 3 : 1;
  if (lead >= 0xC0) return 2;
  return 1;
}
}  // namespace lex

/// The tokens of `src`, whitespace included (the service keeps it on a hidden
/// channel and prints it in "near"), ending with Eof.
inline std::vector<Token> Lex(const std::string& src) {
  std::vector<Token> out;
  std::size_t i = 0;
  const std::size_t n = src.size();
  auto push = [&](Tok kind, std::size_t len) {
    out.push_back(Token{kind, i, i + len});
    i += len;
  };
  while (i < n) {
    const char c = src[i];
    const char next = i + 1 < n ? src[i + 1] : '\0';
    if (lex::IsSpace(c)) {
      std::size_t j = i;
      while (j < n && lex::IsSpace(src[j])) ++j;
      push(Tok::Ws, j - i);
    } else if (lex::IsLetter(c)) {
      std::size_t j = i;
      while (j < n && lex::IsIdChar(src[j])) ++j;
      push(lex::Keyword(src.substr(i, j - i)), j - i);
    } else if (lex::IsDigit(c)) {
      std::size_t j = i + 1;
      if (c != '0')
        while (j < n && lex::IsDigit(src[j])) ++j;
      push(Tok::Index, j - i);
    } else if ((c == '#' || c == ':') && lex::IsIdChar(next)) {
      std::size_t j = i + 1;
      while (j < n && lex::IsIdChar(src[j])) ++j;
      push(c == '#' ? Tok::NameSub : Tok::ValueSub, j - i);
    } else if (c == '<' && next == '>') {
      push(Tok::Ne, 2);
    } else if (c == '<' && next == '=') {
      push(Tok::Le, 2);
    } else if (c == '>' && next == '=') {
      push(Tok::Ge, 2);
    } else {
      Tok kind = Tok::Unknown;
      switch (c) {
        case ',':
          kind = Tok::Comma;
          break;
        case '(':
          kind = Tok::LParen;
          break;
        case ')':
          kind = Tok::RParen;
          break;
        case '.':
          kind = Tok::Dot;
          break;
        case '[':
          kind = Tok::LBracket;
          break;
        case ']':
          kind = Tok::RBracket;
          break;
        case '=':
          kind = Tok::Eq;
          break;
        case '<':
          kind = Tok::Lt;
          break;
        case '>':
          kind = Tok::Gt;
          break;
        case '+':
          kind = Tok::Plus;
          break;
        case '-':
          kind = Tok::Minus;
          break;
        default:
          break;
      }
      std::size_t len = kind == Tok::Unknown ? lex::Utf8Length(static_cast<unsigned char>(c)) : 1;
      if (i + len > n) len = n - i;
      push(kind, len);
    }
  }
  out.push_back(Token{Tok::Eof, n, n});
  return out;
}

/// The service's message for a syntax error at token `at` (an index into
/// `tokens`, never a whitespace token): the offending token's text ("<EOF>" at
/// the end) and the text from the previous token to the next one.
inline std::string SyntaxErrorMessage(const std::string& src, const std::vector<Token>& tokens, std::size_t at) {
  auto text = [&](std::size_t k) {
    return tokens[k].kind == Tok::Eof ? std::string() : src.substr(tokens[k].begin, tokens[k].end - tokens[k].begin);
  };
  std::string near;
  std::size_t prev = at;
  while (prev > 0 && tokens[prev - 1].kind == Tok::Ws) --prev;
  if (prev > 0) {
    --prev;  // the previous token, then the whitespace up to the offending one
    for (std::size_t k = prev; k < at; ++k) near += text(k);
  } else {
    for (std::size_t k = 0; k < at; ++k) near += text(k);
  }
  near += text(at);
  if (tokens[at].kind != Tok::Eof) {
    std::size_t k = at + 1;
    for (; k < tokens.size() && tokens[k].kind == Tok::Ws; ++k) near += text(k);
    if (k < tokens.size()) near += text(k);
  }
  const std::string token = tokens[at].kind == Tok::Eof ? "<EOF>" : text(at);
  return Describe(msg::kSyntaxError, {{"token", "\"" + token + "\""}, {"near", "\"" + near + "\""}});
}

}  // namespace expression
}  // namespace dynafake
