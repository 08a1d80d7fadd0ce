#pragma once

#include "workermetatypes.h"

#include <QDialog>

#include <array>
#include <string>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

// Training ▸ Compare optimizers…: the racers (2 to 5, each an optimizer with its own learning
// rate and settings — μ, α, β1, β2, ε — the lesson's unless typed), the two parameters
// whose paths are drawn and the E_total to reach. A learning rate, setting or threshold that
// is not a number or out of range, fewer than two racers or the same parameter twice is said in the
// dialog, which stays open; nothing starts.
class RaceSetupDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int rows = 5;

    // `names`: the lesson's weights and biases; `watched`: the pair chosen at first.
    RaceSetupDialog(const backprop::OptimizerSettings &lessonSettings,
                    const std::vector<std::string> &names,
                    const std::pair<std::string, std::string> &watched, QWidget *parent = nullptr);

    // The race as entered; valid once the dialog was accepted.
    backprop::RaceRequest request() const { return m_request; }
    void accept() override;

    QCheckBox *racerBox(int row) const { return m_racers[static_cast<std::size_t>(row)].box; }
    QComboBox *optimizerBox(int row) const
    {
        return m_racers[static_cast<std::size_t>(row)].optimizer;
    }
    QLineEdit *rateEdit(int row) const { return m_racers[static_cast<std::size_t>(row)].rate; }
    QLineEdit *settingsEdit(int row) const
    {
        return m_racers[static_cast<std::size_t>(row)].settings;
    }
    QComboBox *watchedABox() const { return m_watchedA; }
    QComboBox *watchedBBox() const { return m_watchedB; }
    QLineEdit *thresholdEdit() const { return m_threshold; }
    QString message() const;

private:
    struct Row
    {
        QCheckBox *box = nullptr;
        QComboBox *optimizer = nullptr;
        QLineEdit *rate = nullptr;
        QLineEdit *settings = nullptr; // "beta1=0.8 beta2=0.99": withHyperparameters
    };
    // Empty and the request filled in, or what is wrong.
    QString read();

    backprop::OptimizerSettings m_lessonSettings;
    std::array<Row, rows> m_racers;
    QComboBox *m_watchedA = nullptr;
    QComboBox *m_watchedB = nullptr;
    QLineEdit *m_threshold = nullptr;
    QLabel *m_message = nullptr;
    backprop::RaceRequest m_request;
};
