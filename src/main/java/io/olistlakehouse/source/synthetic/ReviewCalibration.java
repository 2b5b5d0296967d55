package io.olistlakehouse.source.synthetic;

import java.util.List;

/** How the sample's 8,225 reviews relate to their orders. Index of a score table = score - 1. */
final class ReviewCalibration {

  private ReviewCalibration() {}

  /** Reviews per order: 8,048 orders have one, 84 two, 3 three (index = reviews). */
  static final Weighted REVIEWS_PER_ORDER = Weighted.of(0, 8_048, 84, 3);

  /** Scores of on-time deliveries (4,888 reviews, mean 4.28). */
  static final Weighted SCORE_ON_TIME = Weighted.of(341, 127, 403, 991, 3_026);
  /** Scores of late deliveries (344 reviews, mean 2.17): lateness is what customers punish. */
  static final Weighted SCORE_LATE = Weighted.of(192, 35, 33, 33, 51);
  /** Scores of orders never delivered (2,993 reviews, mean 1.76). */
  static final Weighted SCORE_UNDELIVERED = Weighted.of(2_105, 220, 231, 160, 277);

  /** Delivered: days from the delivery date to the review's creation date (5,238 reviews; index = days). */
  static final Weighted CREATION_AFTER_DELIVERY = Weighted.of(201, 4_621, 48, 19, 6, 6, 6, 5, 7, 3, 0, 2, 4, 2,
      4, 4);
  /** 294 of those 5,238 reviews were created before the delivery date. */
  static final double CREATED_BEFORE_DELIVERY = 294.0 / 5_238;
  /** Not delivered: days from the estimated date to the creation date (2,987 reviews; index = days). */
  static final Weighted CREATION_AFTER_ESTIMATE = Weighted.of(0, 78, 1_955, 405, 144, 107, 69, 23, 4);
  /** 198 of those 2,987 were created on or before the estimated date (complaints while waiting). */
  static final double CREATED_BEFORE_ESTIMATE = 198.0 / 2_987;

  /** Days from a review's creation to its answer. */
  static final Quantiles ANSWER_DAYS = Quantiles.of(0.1, 0.159, 0.415, 0.506, 0.62, 0.768, 0.884, 0.966, 1.043,
      1.163, 1.476, 1.597, 1.845, 2.399, 2.587, 2.831, 3.022, 3.498, 3.85, 4.898, 7.564, 24.634, 186.546);

  /** Share of reviews with a title and with a message, by score 1..5. */
  static final double[] TITLE_SHARE = {0.143, 0.162, 0.106, 0.090, 0.109};
  static final double[] MESSAGE_SHARE = {0.743, 0.715, 0.472, 0.312, 0.356};
  /** 436 of the 4,113 messages span two lines (CRLF inside the quoted field). */
  static final double TWO_LINE_MESSAGE = 436.0 / 4_113;

  /** Short Portuguese texts in the dataset's style, by sentiment: scores 1-2, 3, 4-5. */
  static final List<List<String>> TITLES = List.of(
      List.of("Não recebi", "Péssimo", "Produto errado", "Atraso na entrega", "Não recomendo"),
      List.of("Regular", "Razoável", "Mais ou menos"),
      List.of("Ótimo", "Recomendo", "Excelente", "Muito bom", "Super recomendo"));
  static final List<List<String>> SENTENCES = List.of(
      List.of("Ainda não recebi o produto.", "O produto veio com defeito.", "Comprei dois e só chegou um.",
          "Entrega muito atrasada, ninguém responde.", "Quero meu dinheiro de volta.",
          "Veio diferente do anunciado."),
      List.of("O produto é bom mas demorou.", "Qualidade razoável pelo preço.", "Embalagem chegou amassada.",
          "Atendeu, mas esperava mais."),
      List.of("Chegou antes do prazo.", "Produto de ótima qualidade.", "Recomendo a loja.",
          "Tudo certo, entrega rápida.", "Muito satisfeita com a compra.", "Bem embalado, chegou perfeito."));

  static int sentiment(int score) {
    return score <= 2 ? 0 : score == 3 ? 1 : 2;
  }
}
