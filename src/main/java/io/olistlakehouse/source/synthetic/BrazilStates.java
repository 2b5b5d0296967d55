package io.olistlakehouse.source.synthetic;

import java.util.List;

/**
 * The 27 Brazilian states: capital (named as the dataset spells cities: lower case, no accents) and its
 * coordinates, the state's approximate centre and a radius in degrees around it that stays inside the state (so
 * towns do not land in the sea), its CEP zip-prefix ranges (first five digits), and how many sample customers and
 * sellers live there (the weights places are drawn with).
 */
final class BrazilStates {

  record State(String code, String capital, double lat, double lng, double centreLat, double centreLng,
      double spread, int[] zipRanges, int sampleCustomers, int sampleSellers) {}

  static final List<State> ALL = List.of(
      new State("SP", "sao paulo", -23.55, -46.63, -22.2, -48.8, 1.8,
          new int[] {1000, 19999}, 3_452, 985),
      new State("RJ", "rio de janeiro", -22.91, -43.17, -22.3, -42.7, 0.7,
          new int[] {20000, 28999}, 1_167, 90),
      new State("ES", "vitoria", -20.32, -40.34, -19.6, -40.7, 0.8,
          new int[] {29000, 29999}, 130, 9),
      new State("MG", "belo horizonte", -19.92, -43.94, -18.5, -44.6, 2.8,
          new int[] {30000, 39999}, 888, 149),
      new State("BA", "salvador", -12.97, -38.50, -12.5, -41.7, 3,
          new int[] {40000, 48999}, 305, 9),
      new State("SE", "aracaju", -10.91, -37.07, -10.6, -37.4, 0.5,
          new int[] {49000, 49999}, 39, 0),
      new State("PE", "recife", -8.05, -34.88, -8.4, -37.9, 1,
          new int[] {50000, 56999}, 129, 4),
      new State("AL", "maceio", -9.67, -35.74, -9.6, -36.6, 0.5,
          new int[] {57000, 57999}, 40, 0),
      new State("PB", "joao pessoa", -7.12, -34.86, -7.2, -36.8, 0.5,
          new int[] {58000, 58999}, 50, 2),
      new State("RN", "natal", -5.79, -35.21, -5.8, -36.6, 0.5,
          new int[] {59000, 59999}, 30, 2),
      new State("CE", "fortaleza", -3.73, -38.52, -5.3, -39.6, 1.5,
          new int[] {60000, 63999}, 126, 5),
      new State("PI", "teresina", -5.09, -42.80, -7.5, -42.9, 2.5,
          new int[] {64000, 64999}, 43, 1),
      new State("MA", "sao luis", -2.53, -44.30, -5.0, -45.3, 2.5,
          new int[] {65000, 65999}, 54, 1),
      new State("PA", "belem", -1.46, -48.50, -4.0, -52.5, 4,
          new int[] {66000, 68899}, 78, 0),
      new State("AP", "macapa", 0.03, -51.07, 1.4, -51.6, 1.2,
          new int[] {68900, 68999}, 8, 0),
      new State("AM", "manaus", -3.12, -60.02, -4.2, -64.6, 5,
          new int[] {69000, 69299, 69400, 69899}, 6, 0),
      new State("RR", "boa vista", 2.82, -60.67, 2.1, -61.4, 1.8,
          new int[] {69300, 69399}, 7, 0),
      new State("AC", "rio branco", -9.97, -67.81, -9.0, -70.5, 1.5,
          new int[] {69900, 69999}, 8, 1),
      new State("DF", "brasilia", -15.79, -47.88, -15.8, -47.8, 0.3,
          new int[] {70000, 72799, 73000, 73699}, 155, 18),
      new State("GO", "goiania", -16.69, -49.26, -15.9, -49.8, 2.2,
          new int[] {74000, 76799, 72800, 72999, 73700, 73999}, 173, 18),
      new State("RO", "porto velho", -8.76, -63.90, -10.9, -62.8, 2.2,
          new int[] {76800, 76999}, 24, 0),
      new State("TO", "palmas", -10.18, -48.33, -10.2, -48.3, 2.5,
          new int[] {77000, 77999}, 23, 0),
      new State("MT", "cuiaba", -15.60, -56.10, -13.0, -56.0, 4,
          new int[] {78000, 78899}, 68, 4),
      new State("MS", "campo grande", -20.47, -54.62, -20.5, -54.8, 2.5,
          new int[] {79000, 79999}, 43, 2),
      new State("PR", "curitiba", -25.43, -49.27, -24.6, -51.5, 1.7,
          new int[] {80000, 87999}, 394, 181),
      new State("SC", "florianopolis", -27.60, -48.55, -27.3, -50.4, 1.2,
          new int[] {88000, 89999}, 272, 84),
      new State("RS", "porto alegre", -30.03, -51.23, -29.8, -53.5, 2.2,
          new int[] {90000, 99999}, 423, 45));

  static final Weighted CUSTOMER_WEIGHTS =
      Weighted.of(ALL.stream().mapToDouble(State::sampleCustomers).toArray());
  static final Weighted SELLER_WEIGHTS = Weighted.of(ALL.stream().mapToDouble(State::sampleSellers).toArray());

  private BrazilStates() {}
}
