#pragma once

#include "activation.h"
#include "loss.h"
#include "network.h"

#include <Eigen/Core>

#include <vector>

namespace backprop {

// E_total at many values of two parameters, for the error surface's picture. A forward pass
// of the whole batch from the lowest layer either parameter is in, in that layer only the
// neurons the two parameters feed (all of them for a shared bias or a softmax), the layers in
// float (surfacekernels.h: eight values an instruction with AVX2, in the portable build too),
// a sigmoid or softmax output and the loss in double again. A picture's precision: within
// 1e-5 of Explainer::errorWith relative to E_total (tst_surfaceevaluator); the numbers a class
// reads stay double.
class SurfaceEvaluator
{
public:
    // `below`: the lowest layer's inputs (the data's, or the out of the layer under it, as the
    // trainer's pass computed them), one sample a column.
    SurfaceEvaluator(const Network &network, const Eigen::MatrixXd &below,
                     const Eigen::MatrixXd &targets, Loss loss, const ParameterId &a,
                     const ParameterId &b);

    double error(double valueA, double valueB);

private:
    struct FloatLayer
    {
        Eigen::MatrixXf weights;
        Eigen::VectorXf biases;
        BiasMode biasMode = BiasMode::None;
        Activation activation = Activation::Sigmoid;
    };

    using RowMatrixXf = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

    void set(const ParameterId &id, double value);
    void computeLayer(int layer, const std::vector<Eigen::Index> &rows);
    const RowMatrixXf &in(int layer) const;

    const Eigen::MatrixXd &m_targets;
    Loss m_loss;
    ParameterId m_a, m_b;
    int m_lowest = 0;
    std::vector<Eigen::Index> m_changedRows; // of the lowest layer; empty: every row
    std::vector<FloatLayer> m_layers;        // from the lowest on (index: layer − lowest)
    // A neuron's values over the batch are a row, contiguous (row-major).
    RowMatrixXf m_below; // the lowest layer's inputs
    std::vector<RowMatrixXf> m_net, m_out;
    Eigen::MatrixXd m_outputNet, m_output;
    Eigen::VectorXd m_perOutput;
};

} // namespace backprop
